# Seasonal ETS fits by R's forecast package, for ExponentialSmoothingSeasonalReferenceTests.
# Run from the repository root:  Rscript datasets/reference/scripts/r-ets-tourism-seasonal.R
# Writes datasets/reference/r-ets-tourism-seasonal.csv: for six tourism quarterly series (each
# fitted on all but its last 8 values, the competition's training part) and the six seasonal
# models ANA, AAA, AAdA, MNM, MAM, MAdM: R's parameters, initial states (l0, b0, s1..s4 as in
# fit$states[1, ], s1 the most recent), loglik, AICc, sigma2 and the forecasts at steps 1 and 8.
suppressMessages(library(forecast))
d <- read.csv("datasets/competition/tourism-quarterly.csv")
ids <- c("Q1", "Q2", "Q50", "Q100", "Q200", "Q300")
models <- list(c("ANA", FALSE), c("AAA", FALSE), c("AAA", TRUE), c("MNM", FALSE), c("MAM", FALSE), c("MAM", TRUE))
rows <- list()
for (id in ids) {
  v <- d$value[d$series == id]
  y <- ts(head(v, length(v) - 8), frequency = 4)
  for (spec in models) {
    fit <- ets(y, model = spec[1], damped = as.logical(spec[2]))
    s <- fit$states[1, ]
    p <- fit$par
    fc <- forecast(fit, h = 8)$mean
    rows[[length(rows) + 1]] <- data.frame(
      series = id, n = length(y), model = fit$method,
      alpha = p["alpha"], beta = ifelse(is.na(p["beta"]), NA, p["beta"]),
      gamma = p["gamma"], phi = ifelse(is.na(p["phi"]), NA, p["phi"]),
      l0 = s["l"], b0 = ifelse("b" %in% names(s), s["b"], NA),
      s1 = s["s1"], s2 = s["s2"], s3 = s["s3"], s4 = s["s4"],
      loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2, f1 = fc[1], f8 = fc[8])
  }
}
out <- do.call(rbind, rows)
write.csv(out, "datasets/reference/r-ets-tourism-seasonal.csv", row.names = FALSE)
