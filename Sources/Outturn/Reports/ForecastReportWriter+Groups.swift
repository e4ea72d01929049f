/// Group subtotal rows of the forecast report (the ledger's `group` column): after the lines and
/// before the total in every format; in CSV a first column `Row` says `line`, `group` or `total`.
extension ForecastReportWriter {
    /// The groups shown: every level, or those down to ``level``.
    func shownGroups(_ outcome: ForecastOutcome) -> [GroupRisk] {
        guard let level else { return outcome.groups }
        return outcome.groups.filter { $0.level <= level }
    }

    /// How a group's row is named where it shares a column with lines: `Group: Infrastructure/Network`.
    static func groupLabel(_ group: GroupRisk) -> String { "Group: " + group.group }

    /// The CSV `Row` column's value.
    static func rowKind(_ row: Row) -> String {
        switch row {
        case .line: return "line"
        case .group: return "group"
        case .total: return "total"
        }
    }

    /// CSV cells of `row`: a group is named by its plain path (the `Row` column says it is a group).
    static func csvCells(_ row: Row, _ cells: [ReportCell]) -> [ReportCell] {
        guard case .group(let group) = row else { return cells }
        var cells = cells
        cells[0] = .text(group.group)
        return cells
    }

    /// A group as a JSON object: `group` (its path), `level`, `lines`, then the figures as for a line.
    static func groupJSONObject(_ group: GroupRisk, keys: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("group", .string(group.group)), ("level", .number(String(group.level))),
                                            ("lines", .number(String(group.lines))), ("budget", .money(group.budget)),
                                            ("projected", .money(group.projected))]
        for (key, interval) in zip(keys, group.intervals) {
            pairs.append((key, .array([.money(interval.lower), .money(interval.upper)])))
        }
        pairs += [("probabilityOfOverspend", .double(group.probabilityOfOverspend.value, decimals: 4)),
                  ("expectedOverspend", .money(group.expectedOverspend)), ("budgetNeeded", .money(group.budgetNeeded)),
                  ("budgetNeededConfidence", .double(group.budgetNeededConfidence)),
                  ("rag", .string(group.rag.rawValue)), ("method", .string(group.method)), ("reason", .string(group.reason))]
        return .object(pairs)
    }
}
