/* dgemm rate of the system OpenBLAS (the library Outturn links), on the spot:
 * C = A*B with square n×n matrices, best of several calls, GFLOP/s = 2n^3 / seconds / 1e9.
 * Threads follow OPENBLAS_NUM_THREADS. Also times the simulation's shape
 * (draws×k times k×k) when given "draws k". */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec;
}

static double rate(long m, long k, long n, int repeats) {
    double *a = malloc(m * k * sizeof(double)), *b = malloc(k * n * sizeof(double)), *c = malloc(m * n * sizeof(double));
    for (long i = 0; i < m * k; i++) a[i] = (double)(i % 97) / 97.0 - 0.5;
    for (long i = 0; i < k * n; i++) b[i] = (double)(i % 89) / 89.0 - 0.5;
    double best = 1e30;
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0, a, m, b, k, 0.0, c, m);
        double t = now() - t0;
        if (t < best) best = t;
    }
    free(a); free(b); free(c);
    return 2.0 * m * n * k / best / 1e9;
}

int main(int argc, char **argv) {
    long n = 2000;
    printf("square%ld %.2f\n", n, rate(n, n, n, 5));
    if (argc > 2) {
        long draws = atol(argv[1]), k = atol(argv[2]);
        printf("draws%ldx%ld %.2f\n", draws, k, rate(draws, k, k, 3));
    }
    return 0;
}
