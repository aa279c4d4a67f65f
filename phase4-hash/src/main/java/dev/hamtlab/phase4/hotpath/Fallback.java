package dev.hamtlab.phase4.hotpath;

/** What the children pool does when its current chunk cannot fit a slice. */
public enum Fallback {
    /** Allocate a plain exactly-sized array for the slice, as the seed fell back to {@code malloc}. */
    NEW_ARRAY,
    /** Allocate a fresh chunk and bump on from there; the old chunk's unused tail is wasted. */
    NEW_CHUNK
}
