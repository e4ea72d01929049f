/// One method's interval calibration table: quantiles of the oriented, scaled held-out errors at
/// ``IntervalCalibration/probabilities``, by length class of the history and by step (see
/// ``IntervalCalibration`` for how they are measured and ``CalibrationStudy`` for how they are built).
package struct CalibrationTable: Sendable, Equatable {
    /// `[length class][step − 1][probability index]`, each row non-decreasing.
    package let quantiles: [[[Double]]]

    /// A table from its quantiles (`[length class][step − 1][probability index]`).
    package init(quantiles: [[[Double]]]) {
        self.quantiles = quantiles
    }

    /// The standardised error shape for a history of `count` points at `step` (1…), in the series'
    /// own units once multiplied by its scale; `direction` from ``IntervalCalibration/direction(of:)``.
    /// Steps beyond the table's last step h* take its last row stretched by h/h*.
    package func shape(count: Int, step: Int, direction: Double) -> ErrorShape {
        shape(lengthClass: IntervalCalibration.lengthClass(count: count), step: step, direction: direction)
    }

    /// The standardised error shape of length class `lengthClass` (an index into ``quantiles``;
    /// the seasonal tables class histories by cycles, see ``SeasonalCalibration``) at `step` (1…).
    package func shape(lengthClass: Int, step: Int, direction: Double) -> ErrorShape {
        let rows = quantiles[lengthClass]
        let index = min(step, rows.count) - 1
        var row = rows[index]
        if step > rows.count {
            let stretch = Double(step) / Double(rows.count)
            row = row.map { $0 * stretch }
        }
        // A falling series: E = −(oriented error), whose p-quantile is −q(1 − p); the
        // probabilities are symmetric about 0.5.
        if direction < 0 { row = row.reversed().map { -$0 } }
        return .empirical(probabilities: IntervalCalibration.probabilities, quantiles: row)
    }
}
