extension TotalRisk {
    /// Why the total's expected overspend is less than the lines' added up, in plain words; nil when it
    /// is not less (no line can underspend while another overspends) or the lines' sum is not known.
    ///
    /// Each line's expected overspend counts only its overspends. The total's is taken draw by draw
    /// over the whole budget, where one line's underspend pays for another's overspend, so it is at
    /// most the lines' sum (max(Σx, 0) ≤ Σ max(x, 0)).
    var offsetSentence: String? {
        guard let lines = linesExpectedOverspend, lines > figures.expectedOverspend else { return nil }
        return "its expected overspend (\(figures.expectedOverspend.formatted())) is less than the lines' added up "
            + "(\(lines.formatted())) because in the same year underspends on some lines offset overspends on others"
    }
}
