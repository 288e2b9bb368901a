/// What the decision procedure concluded for one asset: its labels with their reasons, and the
/// facts of steps 1 and 6–8 that the finding passes of `Analysis/Findings/` raise findings from.
struct Classification {
    /// What one step concluded: a label with the reason for it, or a reason alone (the step
    /// applied but gives no category, e.g. security functions that protect nothing in scope).
    struct Conclusion {
        var label: Category?
        var reason: Reason?
    }

    /// Step 6 for a VDI client that does not declare CUI: its configuration and the services
    /// of its paths that are not display protocols.
    struct VDICheck {
        var mode: VDIMode?
        var nonDisplay: ServiceSet
        /// KVM-only with display protocols only: out of scope by step 6.
        var exempt: Bool { mode == .kvmOnly && nonDisplay.isEmpty }
    }

    /// Step 7 for an asset with a data-capable path and no category yet.
    enum PathDecision {
        /// The level has no separation test (Level 1): the path is a review, the asset keeps going.
        case review
        /// The path pulled the asset into the scope as this category.
        case pulledIn(Category)
    }

    /// Step 8's separation evidence for an out-of-scope asset.
    struct Separation {
        var evidence: [Evidence]
        /// No address in a known zone: separation could not be checked.
        var unplaced: Bool
        /// Placed, but no firewall export was loaded and no denied flow or statement stands in:
        /// separation was not evaluated (docs/DECISIONS.md 75).
        var notEvaluated = false
    }

    var labels = Set<Category>()
    var reasons: [Reason] = []
    /// Step 1 excluded the asset: operated on behalf of the Government; no other step ran.
    var governmentOperated = false
    var vdi: VDICheck?
    var path: PathDecision?
    var separation: Separation?

    /// Every label, primary first (precedence of docs/SCOPING.md, Decision procedure).
    var orderedLabels: [Category] { labels.sorted() }

    /// The primary category. Every run of the procedure ends with at least one label (step 8).
    var category: Category { labels.min() ?? .outOfScope }

    mutating func add(_ conclusion: Conclusion?) {
        guard let conclusion else { return }
        if let label = conclusion.label { labels.insert(label) }
        if let reason = conclusion.reason { reasons.append(reason) }
    }
}
