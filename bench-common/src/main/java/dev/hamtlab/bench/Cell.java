package dev.hamtlab.bench;

/** One benchmark cell: an operation at a size, under a label. */
public record Cell(Operation operation, Size size, Label label) {
    /** For file names: "churn_phase3_1M", "churn_phase3-parallel_1M". */
    public String fileStem() {
        return operation.cliName() + "_" + label.fileStem() + "_" + size.cliName();
    }

    /** For example "churn 1M phase3 parallel". */
    public String displayName() {
        return operation.cliName() + " " + size.cliName() + " " + label.displayName();
    }
}
