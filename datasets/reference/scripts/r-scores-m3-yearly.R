# Scores of R forecast methods on datasets/competition/m3-yearly.csv (h = 6), measured as in
# datasets/competition/README.md. Run from the repository root: Rscript datasets/reference/scripts/r-scores-m3-yearly.R
# Used: R 4.2.2, forecast 8.20 (Debian packages r-base-core, r-cran-forecast).
suppressPackageStartupMessages(library(forecast))
d <- read.csv("datasets/competition/m3-yearly.csv")
h <- 6
res <- list()
meth <- list(
  ets = function(y) forecast(ets(y), h = h, level = c(80, 95)),
  thetaf = function(y) thetaf(y, h = h, level = c(80, 95)),
  drift = function(y) rwf(y, h = h, drift = TRUE, level = c(80, 95)),
  damped = function(y) forecast(ets(y, model = "AAN", damped = TRUE), h = h, level = c(80, 95))
)
for (m in names(meth)) {
  sm <- c(); ms <- c(); c80 <- c(); c95 <- c(); msis <- c()
  t0 <- Sys.time()
  for (s in unique(d$series)) {
    v <- d$value[d$series == s]
    n <- length(v) - h
    y <- ts(v[1:n]); test <- v[(n+1):(n+h)]
    f <- meth[[m]](y)
    mu <- as.numeric(f$mean)
    lo80 <- as.numeric(f$lower[,1]); hi80 <- as.numeric(f$upper[,1])
    lo95 <- as.numeric(f$lower[,2]); hi95 <- as.numeric(f$upper[,2])
    sc <- mean(abs(diff(v[1:n])))
    sm <- c(sm, 200 * abs(test - mu) / (abs(test) + abs(mu)))
    ms <- c(ms, mean(abs(test - mu)) / sc)
    c80 <- c(c80, test >= lo80 & test <= hi80); c95 <- c(c95, test >= lo95 & test <= hi95)
    a <- 0.05
    is <- (hi95 - lo95) + 2/a * (lo95 - test) * (test < lo95) + 2/a * (test - hi95) * (test > hi95)
    msis <- c(msis, mean(is) / sc)
  }
  el <- as.numeric(Sys.time() - t0, units = "secs")
  cat(sprintf("%-8s sMAPE %6.2f MASE %6.3f Cov80 %5.1f%% Cov95 %5.1f%% MSIS %6.2f seconds %.2f\n",
      m, mean(sm), mean(ms), 100*mean(c80), 100*mean(c95), mean(msis), el))
}
