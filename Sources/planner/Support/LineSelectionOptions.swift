import ArgumentParser
import Foundation
import Outturn

/// `--sort` and `--only` for `planner forecast`: which lines the report shows and in what order.
/// The total, the status footer and every figure are of all lines; the report says so.
struct LineSelectionOptions: ParsableArguments {
    /// The order of the shown lines.
    enum SortKey: String, ExpressibleByArgument, CaseIterable {
        /// Highest P(overspend) first, then the larger expected overspend, then by name.
        case risk
        /// By name, A to Z (case-insensitive).
        case line
        /// Largest budget first.
        case budget
        /// Largest expected overspend first.
        case overspend
    }

    @Option(help: "Order the lines: risk (highest P(overspend) first), line (by name), budget or overspend (largest first). Default: ledger order.")
    var sort: SortKey?

    @Option(help: ArgumentHelp("Show only lines of these statuses, e.g. red,amber. The total and the status footer stay those of all lines.",
                               valueName: "statuses"))
    var only: String?

    /// The statuses of `--only`, in red, amber, green order; nil without `--only`.
    func statuses() throws -> Set<RAG>? {
        try only.map(LineSelectionOptions.statuses(in:))
    }

    /// The statuses named in an `--only` value such as `red,amber` (any case, spaces allowed).
    /// - Throws: a usage error (exit 64) for a word that is not red, amber or green.
    static func statuses(in only: String) throws -> Set<RAG> {
        var found = Set<RAG>()
        for part in only.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let rag = RAG(rawValue: word) else {
                throw ValidationError("--only '\(DisplayText.escaped(DisplayText.shortened(only)))': '\(DisplayText.escaped(DisplayText.shortened(String(part))))' is not red, amber or green; write e.g. --only red,amber")
            }
            found.insert(rag)
        }
        return found
    }

    func validate() throws { _ = try statuses() }

    /// True when lines must be held and reordered or filtered before the writer sees them.
    var isActive: Bool { sort != nil || only != nil }

    /// `lines` filtered and sorted (the sort is stable: ties keep ledger order).
    func apply(_ lines: [RiskAssessment]) throws -> [RiskAssessment] {
        var shown = lines
        if let keep = try statuses() { shown = shown.filter { keep.contains($0.rag) } }
        guard let sort else { return shown }
        let indexed = Array(shown.enumerated())
        return indexed.sorted { a, b in
            let (x, y) = (a.element, b.element)
            switch sort {
            case .risk:
                if x.probabilityOfOverspend.value != y.probabilityOfOverspend.value {
                    return x.probabilityOfOverspend.value > y.probabilityOfOverspend.value
                }
                if x.expectedOverspend != y.expectedOverspend { return x.expectedOverspend > y.expectedOverspend }
            case .line:
                let (p, q) = (x.lineName.lowercased(), y.lineName.lowercased())
                if p != q { return p < q }
            case .budget:
                if x.budget != y.budget { return x.budget > y.budget }
            case .overspend:
                if x.expectedOverspend != y.expectedOverspend { return x.expectedOverspend > y.expectedOverspend }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The sentence the report prints about the selection: "Shown: red and amber lines only (3 of 5),
    /// sorted by risk; the Total row is of all 5 lines."
    func note(shown: Int, of total: Int) throws -> String? {
        guard isActive else { return nil }
        var parts: [String] = []
        if let keep = try statuses() {
            let names = RAG.allCases.filter(keep.contains).map(\.rawValue)
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            parts.append("\(list) lines only (\(shown) of \(total))")
        }
        if let sort { parts.append("sorted by \(sort.rawValue)") }
        return "Shown: " + parts.joined(separator: ", ") + "; the Total row and the status counts are of all \(total) lines."
    }
}
