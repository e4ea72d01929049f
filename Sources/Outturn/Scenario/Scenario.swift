/// A budget scenario for one target year, as parsed from a scenario file (see docs/scenario.md).
///
/// Every field except the paths, target year and lines has a documented default.
public struct Scenario: Sendable, Equatable {
    /// The scenario file as the user named it.
    public var fileName: String
    /// The ledger file, as written in the scenario (relative to the scenario file).
    public var ledgerPath: String
    /// The activity file, as written in the scenario, or nil.
    public var activityPath: String?
    /// Activity measures derived from the activity series (`activity_measures`), in the file's order.
    package var activityMeasures: [ActivityMeasure] = []
    /// The year being budgeted for.
    public var targetYear: FiscalYear
    /// Each ledger line's settings, in scenario order (those written under `lines:`; after
    /// resolving, every line that needs a budget, in ledger order).
    public var lines: [ScenarioLine]
    /// A CSV of target-year budgets (`line,budget`), as written in the scenario (relative to it), or nil.
    /// Entries under `lines:` override it.
    public var budgetsPath: String?
    /// What to do with ledger lines that have no budget (default ``UnlistedLinesPolicy/error``).
    public var unlistedLines: UnlistedLinesPolicy = .error
    /// The month each fiscal year starts in (default April, the UK public sector's year; `fiscal_year_start`).
    public var fiscalYearStart: MonthOfYear = .april
    /// Monthly actuals (`line,month,actual`) for `planner monitor`, as written in the scenario
    /// (relative to it), or nil (`actuals_to_date`).
    public var actualsToDatePath: String?
    /// Price inflation applied to every line, a fraction (default 0).
    public var inflation: Double
    /// Assumed year-to-year relative spread (coefficient of variation) of a line's spending when
    /// its history is too short to measure it (default ``Scenario/defaultYearToYearSpread``).
    public var yearToYearSpread: Double
    /// Correlation between lines' surprises in the joint simulation of the total (default 0.3).
    public var correlation: Double
    /// The two interval levels, ascending fractions (default 0.80 and 0.95).
    public var confidenceLevels: [Double]
    /// Confidence for "budget needed" (default 0.80).
    public var budgetNeededConfidence: Double
    /// RAG thresholds (default red > 50%, amber ≥ 20%).
    public var rag: RAGThresholds
    /// Materiality (default 1% and £10,000).
    public var materiality: Materiality
    /// Random seed of the joint simulation (default 20220401).
    public var seed: UInt64
    /// Number of joint simulation draws (default 20,000).
    public var draws: Int
    /// The one-based line of the `lines:` key (for messages about lines missing from the scenario).
    package var linesKeyLine: Int = 1
    /// The one-based line of `target_year:` in the scenario file, for errors about the year.
    package var targetYearLine: Int = 1
    /// Farthest target year accepted after the ledger's latest year. Budgets are set a year or a
    /// few ahead; beyond this, compounded inflation and growth say nothing a budget holder can use
    /// (and `inflation: 100%` over 39 years would exceed any amount the planner can hold).
    package static let maximumYearsAhead = 10

    /// 0.14: the pooled median absolute year-on-year log change of the 699 yearly series in
    /// datasets/competition (M1 and tourism; 0.0969) divided by Φ⁻¹(0.75) = 0.6745, i.e. the
    /// standard deviation of a normal with that median absolute change (0.1436), rounded.
    /// The evidence is recomputed by a test; see docs/scenario.md.
    public static let defaultYearToYearSpread = 0.14
    /// 0.34: the relative spread of a new line's first-year outturn about its budget. Pooled over the
    /// 2,555 programmes of datasets/budget-outturn (Canada 2017-18 to 2024-25, Israel 1993 to 2004)
    /// that first appear after each file's first year with budget > 0: median |actual/budget − 1| =
    /// 0.232, divided by Φ⁻¹(0.75) = 0.6745 (the standard deviation of a normal with that median
    /// absolute deviation), 0.344, rounded. Recomputed by a test; see docs/scenario.md, *New lines*.
    public static let newLineSpread = 0.34
    /// 0.3: lines share some common shocks (pay awards, prices) but are mostly separate contracts.
    public static let defaultCorrelation = 0.3
    /// 20220401.
    public static let defaultSeed: UInt64 = 20_220_401
    /// 20,000 draws: Monte Carlo error of a probability near 0.5 about ±0.35 points (1 s.e.).
    public static let defaultDraws = 20_000

    /// A scenario from its settings (what a scenario file gives, docs/scenario.md); rates are fractions
    /// (0.03 = 3%), `confidenceLevels` and `budgetNeededConfidence` lie in (0, 1). No check is made here:
    /// `ResolvedScenario` validates it against its ledger.
    public init(fileName: String, ledgerPath: String, activityPath: String? = nil, targetYear: FiscalYear,
                lines: [ScenarioLine], inflation: Double = 0, yearToYearSpread: Double = Scenario.defaultYearToYearSpread,
                correlation: Double = Scenario.defaultCorrelation, confidenceLevels: [Double] = [0.8, 0.95],
                budgetNeededConfidence: Double = 0.8, rag: RAGThresholds = .standard,
                materiality: Materiality = .standard, seed: UInt64 = Scenario.defaultSeed,
                draws: Int = Scenario.defaultDraws) {
        self.fileName = fileName
        self.ledgerPath = ledgerPath
        self.activityPath = activityPath
        self.targetYear = targetYear
        self.lines = lines
        self.inflation = inflation
        self.yearToYearSpread = yearToYearSpread
        self.correlation = correlation
        self.confidenceLevels = confidenceLevels
        self.budgetNeededConfidence = budgetNeededConfidence
        self.rag = rag
        self.materiality = materiality
        self.seed = seed
        self.draws = draws
    }
}
