/// Each ledger line's scenario settings while a scenario is resolved, indexed like the ledger's
/// lines; stored without optionals so that, when every line has a budget (the usual case), the
/// finished list is this same array, not a second copy.
struct LineAssignments {
    private var lines: [ScenarioLine]
    private var present: [Bool]
    private var missing: Int

    init(count: Int) {
        lines = Array(repeating: ScenarioLine(name: "", budget: .zero, sourceLine: 0), count: count)
        present = Array(repeating: false, count: count)
        missing = count
    }

    var indices: Range<Int> { lines.indices }

    subscript(index: Int) -> ScenarioLine? {
        get { present[index] ? lines[index] : nil }
        set {
            guard let newValue else { preconditionFailure("assignments are never removed") }
            if !present[index] { missing -= 1 }
            present[index] = true
            lines[index] = newValue
        }
    }

    /// The assigned lines in ledger order.
    consuming func finished() -> [ScenarioLine] {
        missing == 0 ? lines : lines.indices.filter { present[$0] }.map { lines[$0] }
    }
}
