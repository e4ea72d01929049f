import Outturn

/// A long CSV file of many series (`series,period,value`, each series' rows consecutive and in
/// period order), as the competition files in datasets/competition/ are.
enum LongSeries {
    /// Each series' values, oldest first, in order of first appearance.
    /// - Throws: ``InputError`` naming the file and line of a missing column or a bad number.
    static func read(_ path: String) throws -> [[Double]] {
        let table = try CSVTable(contentsOf: path)
        let seriesColumn = try table.columnIndex("series")
        let names = table.rows.map { $0.fields[seriesColumn] }
        _ = try table.columnIndex("period")
        let values = try table.numbers(inColumn: "value")
        var series: [[Double]] = []
        var previous: String?
        for (name, value) in zip(names, values) {
            if name != previous { series.append([]) }
            series[series.count - 1].append(value)
            previous = name
        }
        return series
    }
}
