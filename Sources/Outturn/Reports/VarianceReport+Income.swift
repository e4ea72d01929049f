extension VarianceReport {
    /// With income lines (negative budgets), the sentence that says how to read them and that the
    /// total is net of their income: "Income lines (negative budgets): a shortfall is a negative,
    /// adverse variance; the Total is spending net of income (£670,000 budgeted)." nil without income lines.
    var incomeNote: String? {
        var income: Int64 = 0
        for line in lines where line.budget.pence < 0 {
            let (sum, overflow) = income.addingReportingOverflow(Int64(clamping: line.budget.pence.magnitude))
            income = overflow ? Int64.max : sum
        }
        guard income > 0 else { return nil }
        return "Income lines (negative budgets): a shortfall is a negative, adverse variance; the Total is spending net of income (\(Money(pence: income).formatted()) budgeted)."
    }
}
