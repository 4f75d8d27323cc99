import Foundation
import TimmyAPI
import TimmyCore

/// The Director tab's form: the fields of `CreateProjectRequest`, as the API document states them.
enum ProjectForm {
    /// The name the form posts as its `tool`, telling it from the tools' forms.
    static let tool = "create_project"

    static let fields = ["prompt", "title", "duration", "genre", "style", "resolution", "backend", "pauseAfter", "seed", "script"]

    /// Stop after the script by default: the builder's next step is the script editor.
    static let startingValues = ["pauseAfter": "script"]

    /// The request's schema, with the bounds and choices the Director checks.
    static let schema: JSONValue = {
        let builder = SchemaBuilder()
        _ = builder.schema(for: CreateProjectRequest.self)
        return builder.components[String(describing: CreateProjectRequest.self)] ?? [:]
    }()

    /// The posted form as a request; a value of the wrong type is refused with its field named.
    static func request(_ form: [String: String]) throws(ServiceError) -> CreateProjectRequest {
        let arguments = try SchemaForm.arguments(form, schema: schema)
        do {
            return try JSONCoding.decoder().decode(CreateProjectRequest.self, from: JSONCoding.encoder().encode(JSONValue.object(arguments)))
        } catch {
            throw .invalid(field: "prompt", message: "prompt is required: say what the video is about")
        }
    }
}
