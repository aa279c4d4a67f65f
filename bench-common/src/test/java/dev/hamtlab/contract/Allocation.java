package dev.hamtlab.contract;

import java.lang.management.ManagementFactory;

/** Bytes this thread allocates, as the JVM counts them (HotSpot's ThreadMXBean). */
final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static long bytesAllocatedBy(Runnable work) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        work.run();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
