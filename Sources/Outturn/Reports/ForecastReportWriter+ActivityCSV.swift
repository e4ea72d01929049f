/// The activity CSV (`FILE-activity.csv`, docs/planner.md): the activity table with the reasons and a
/// `Unit` column, so that a reader of the file alone knows how to read each row's figures.
extension ForecastReportWriter {
    /// The word in the `Unit` column: `count` for a number of things, `percent` for a share (the CSV
    /// writes a share in percent, like `Budget change %`).
    static func csvUnit(_ unit: ActivityUnit) -> String {
        switch unit {
        case .count: return "count"
        case .share: return "percent"
        }
    }

    /// The activity table of the CSV: every column of ``activityTable(_:scenario:reasons:)`` with the
    /// reasons, and `Unit` after the intervals, before `Method`.
    static func csvActivityTable(_ activity: [ActivityProjection], scenario: Scenario) -> ReportTable {
        let table = activityTable(activity, scenario: scenario, reasons: true)
        let at = table.columns.firstIndex(of: "Method") ?? table.columns.count
        var columns = table.columns
        columns.insert("Unit", at: at)
        let rows = zip(table.rows, activity).map { row, item in
            var row = row
            row.insert(.text(csvUnit(item.unit)), at: at)
            return row
        }
        return DocumentTable(title: table.title, columns: columns, rows: rows).textTable
    }
}
