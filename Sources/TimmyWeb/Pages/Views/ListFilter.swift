/// One choice of a list page's filter (a task or job status, an asset kind): its label, how many the
/// list holds of it when that is known, its address, and whether it is the one shown.
struct ListFilter {
    let label: String
    let count: Int?
    let href: String
    let current: Bool

    /// "all", then one choice per value, each linking to `path?parameter=value`.
    /// - Parameter counts: how many there are of each value, when known; "all" counts them all.
    static func choices(_ values: [String], selected: String?, path: String, parameter: String, counts: [String: Int]? = nil) -> [ListFilter] {
        let all = ListFilter(label: "all", count: counts.map { $0.values.reduce(0, +) }, href: path, current: selected == nil)
        return [all]
            + values.map { value in
                ListFilter(label: value, count: counts.map { $0[value] ?? 0 }, href: "\(path)?\(parameter)=\(value)", current: value == selected)
            }
    }
}

/// A labelled row of filter choices, for a page with more than one (the `filters` partial inside it).
struct FilterNav {
    let filterLabel: String
    let filters: [ListFilter]
}
