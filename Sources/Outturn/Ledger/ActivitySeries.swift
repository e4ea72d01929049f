/// A yearly activity measure (calls, cases, users): the drivers beside the money.
public struct ActivitySeries: Sendable, Equatable {
    /// The series name (`Telephone`).
    public let name: String
    /// Fiscal years, ascending and consecutive.
    public let years: [FiscalYear]
    /// One value per year (counts or other units as the file says).
    public let values: [Double]

    public init(name: String, years: [FiscalYear], values: [Double]) {
        precondition(years.count == values.count, "years (\(years.count)) and values (\(values.count)) differ in length")
        self.name = name
        self.years = years
        self.values = values
    }
}
