/* The C view of OpenBLAS that Swift sees: CBLAS from OpenBLAS's own header, plus
 * Fortran prototypes of the LAPACK routines we call (libopenblas.so exports them;
 * liblapacke-dev is not needed). Every character argument of a Fortran routine has a
 * hidden length argument, passed by value at the end of the list (gfortran >= 8: size_t). */
#ifndef OUTTURN_COPENBLAS_SHIM_H
#define OUTTURN_COPENBLAS_SHIM_H

#include <stddef.h>
#include <cblas.h>

typedef int lapack_int_t;

/* Pivoted QR: A P = Q R. */
void dgeqp3_(const lapack_int_t *m, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *jpvt, double *tau, double *work, const lapack_int_t *lwork,
             lapack_int_t *info);

/* Multiply by Q or Q^T from a QR factorisation. */
void dormqr_(const char *side, const char *trans, const lapack_int_t *m, const lapack_int_t *n,
             const lapack_int_t *k, const double *a, const lapack_int_t *lda, const double *tau,
             double *c, const lapack_int_t *ldc, double *work, const lapack_int_t *lwork,
             lapack_int_t *info, size_t side_len, size_t trans_len);

/* Multiply by Q or Q^T from a QR factorisation, one reflector at a time (unblocked: for a single
   vector it avoids forming the block reflectors' triangular factors on every call). */
void dorm2r_(const char *side, const char *trans, const lapack_int_t *m, const lapack_int_t *n,
             const lapack_int_t *k, const double *a, const lapack_int_t *lda, const double *tau,
             double *c, const lapack_int_t *ldc, double *work, lapack_int_t *info,
             size_t side_len, size_t trans_len);

/* Triangular solve with several right-hand sides. */
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const lapack_int_t *n,
             const lapack_int_t *nrhs, const double *a, const lapack_int_t *lda, double *b,
             const lapack_int_t *ldb, lapack_int_t *info, size_t uplo_len, size_t trans_len,
             size_t diag_len);

/* Inverse of a triangular matrix. */
void dtrtri_(const char *uplo, const char *diag, const lapack_int_t *n, double *a,
             const lapack_int_t *lda, lapack_int_t *info, size_t uplo_len, size_t diag_len);

/* Cholesky factorisation of a symmetric positive definite matrix. */
void dpotrf_(const char *uplo, const lapack_int_t *n, double *a, const lapack_int_t *lda,
             lapack_int_t *info, size_t uplo_len);

/* LU factorisation with partial pivoting and solve: A X = B for square A. */
void dgesv_(const lapack_int_t *n, const lapack_int_t *nrhs, double *a, const lapack_int_t *lda,
            lapack_int_t *ipiv, double *b, const lapack_int_t *ldb, lapack_int_t *info);

/* Software prefetch of the cache line holding `address`, for reading (a hint: never faults).
   The batch-trend kernels (OutturnNumerics/Kernels/) use it to run
   ahead of the hardware prefetcher; Swift cannot reach __builtin_prefetch directly. */
static inline void outturn_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
