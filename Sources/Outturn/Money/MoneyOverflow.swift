/// A sum of money left the representable range (about ±£92 trillion).
public struct MoneyOverflow: Error, CustomStringConvertible {
    /// The error (it carries no data).
    public init() {}
    /// What went wrong, for the user.
    public var description: String { "an amount is too large to hold exactly (more than £92 trillion)" }
}
