import OutturnNumerics

/// Synthetic inputs shaped like budget histories, column-major so they feed BLAS directly.
public enum SyntheticSeries {
    /// `seriesCount` series of `periods` values each, one series per column
    /// (column-major: series j occupies elements j*periods ..< (j+1)*periods):
    /// level 1,000–10,000, a linear trend of ±3 % of level a period, noise of 5 % of level.
    public static func trendingColumns(seriesCount: Int, periods: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        var values = [Double](repeating: 0, count: seriesCount * periods)
        for series in 0..<seriesCount {
            let level = 1_000 + 9_000 * generator.nextUniform()
            let slope = level * 0.03 * (2 * generator.nextUniform() - 1)
            for period in 0..<periods {
                values[series * periods + period] = level + slope * Double(period + 1)
                    + 0.05 * level * generator.nextStandardNormal()
            }
        }
        return values
    }

    /// A yearly competition file as (name, values) pairs, read from `series,period,value` CSV text.
    public static func parseLongCSV(_ text: String) -> [(name: String, values: [Double])] {
        var result: [(name: String, values: [Double])] = []
        var lines = text.split(whereSeparator: \.isNewline).makeIterator()  // "\r\n" is one Character
        _ = lines.next()  // header
        while let line = lines.next() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let value = Double(fields[2]) else { continue }
            let name = String(fields[0])
            if result.last?.name == name {
                result[result.count - 1].values.append(value)
            } else {
                result.append((name, [value]))
            }
        }
        return result
    }
}
