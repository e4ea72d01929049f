/// A yearly (or monthly, see `months`) activity measure (calls, cases, users): the drivers beside the money.
public struct ActivitySeries: Sendable, Equatable {
    /// The series name (`Telephone`).
    public let name: String
    /// Fiscal years, ascending and consecutive.
    public let years: [FiscalYear]
    /// One value per year (counts or other units as the file says).
    public let values: [Double]
    /// The months behind a monthly series (read from `series,month,value`); ``years`` and
    /// ``values`` are then its complete fiscal years' sums. Nil for a yearly series.
    package internal(set) var months: ActivityMonths? = nil

    /// A yearly series from its name, its fiscal years (ascending, consecutive) and one value per year.
    /// - Precondition: `years.count == values.count`.
    public init(name: String, years: [FiscalYear], values: [Double]) {
        precondition(years.count == values.count, "years (\(years.count)) and values (\(values.count)) differ in length")
        self.name = name
        self.years = years
        self.values = values
    }
}
