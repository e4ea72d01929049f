/// A year of a line's history the scenario marks as one-off (a COVID dip, a one-year spike), so that
/// it does not bend the line's record and trend (line keys `exclude_years` and `normalise_years`,
/// docs/scenario.md). Used by the budget-execution model.
public struct OneOffYear: Sendable, Equatable {
    /// What to do with the year.
    public enum Treatment: String, Sendable, Equatable {
        /// Leave the year out: the years either side are treated as consecutive.
        case exclude
        /// Keep the year, with its actual replaced by its budget × the line's usual actual/budget
        /// ratio (the geometric mean over its other years in the window).
        case normalise
    }

    /// The fiscal year.
    public let year: FiscalYear
    /// Exclude or normalise.
    public let treatment: Treatment

    /// Marks `year` as one-off, to be excluded or normalised.
    public init(year: FiscalYear, treatment: Treatment) {
        self.year = year
        self.treatment = treatment
    }
}
