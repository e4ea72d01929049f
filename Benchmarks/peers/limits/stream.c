/* STREAM-like memory bandwidth on the spot (after McCalpin's STREAM): a read-only sum and a
 * triad a = b + s*c over arrays far larger than the caches, best of several passes, with
 * OpenMP threads = OMP_NUM_THREADS. Prints GB/s (1e9 bytes/s) as "read <x> triad <y>".
 * Triad bytes count 3 arrays (no write-allocate traffic), as STREAM does. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
    long n = (argc > 1 ? atol(argv[1]) : 40000000L) / 8 * 8; /* 320 MB per array */
    double *a = malloc(n * sizeof(double)), *b = malloc(n * sizeof(double)), *c = malloc(n * sizeof(double));
    #pragma omp parallel for
    for (long i = 0; i < n; i++) { a[i] = 0; b[i] = 1.0; c[i] = 2.0; }
    double bestRead = 1e30, bestTriad = 1e30, sink = 0;
    for (int pass = 0; pass < 6; pass++) {
        double t0 = now(), sum = 0;
        /* eight partial sums so the read is not bound by the add latency chain */
        #pragma omp parallel for reduction(+:sum)
        for (long i = 0; i < n; i += 8)
            sum += ((b[i] + b[i + 1]) + (b[i + 2] + b[i + 3])) + ((b[i + 4] + b[i + 5]) + (b[i + 6] + b[i + 7]));
        double t1 = now();
        #pragma omp parallel for
        for (long i = 0; i < n; i++) a[i] = b[i] + 3.0 * c[i];
        double t2 = now();
        sink += sum + a[n / 2];
        if (t1 - t0 < bestRead) bestRead = t1 - t0;
        if (t2 - t1 < bestTriad) bestTriad = t2 - t1;
    }
    printf("read %.2f triad %.2f\n", 8.0 * n / bestRead / 1e9, 24.0 * n / bestTriad / 1e9);
    if (sink == 42) puts("");
    return 0;
}
