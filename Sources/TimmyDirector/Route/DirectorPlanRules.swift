import TimmyCore

/// The planner's way to the Director: "make a 3-minute music video about a sunrise over
/// mountains", "create a rock music video about trains", or the request alone ("a music video
/// about rain"). The whole request goes to the Director as the prompt, which reads the length and
/// genre it names.
public enum DirectorPlanRules {
    public static let rules: [PlanRule] = [
        PlanRule(
            #"(?<request>(?:(?:make|create|produce|shoot|render|direct|generate)\s+(?:me\s+|us\s+)?)?(?:an?\s+|the\s+)?"#
                + #"(?:[\w-]+\s+){0,3}music\s+video\s+(?:about|of|for|showing|on)\s+.+)"#
        ) { groups in
            groups["request"].map { request in [PlannedCall(tool: "create_music_video", arguments: ["prompt": .string(request)])] }
        }
    ]
}
