import GRDB

/// The schema, as append-only migrations: never edit a shipped one, add the next.
enum Migrations {
    // Indexes are few on purpose: every index is rewritten on each of the several writes a task
    // makes. Lists are ordered by rowid (insertion order); per-agent and per-type figures scan.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-swarm") { db in
            try db.create(table: "tasks") { t in
                t.primaryKey("id", .text)
                t.column("description", .text).notNull().check { length($0) > 0 }
                t.column("status", .text).notNull().indexed()
                    .check { ["pending", "bidding", "assigned", "running", "completed", "failed"].contains($0) }
                t.column("plan", .text).notNull()
                t.column("winner", .text)
                t.column("winning_bid", .integer)
                t.column("result", .text)
                t.column("failure_reason", .text)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "bids") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("task_id", .text).notNull().references("tasks", onDelete: .cascade)
                t.column("agent", .text).notNull()
                t.column("sats", .integer).notNull().check { $0 >= 1 }
                t.column("base_sats", .integer).notNull()
                t.column("learner_factor", .double).notNull()
                t.column("keyword_matched", .boolean).notNull()
                t.column("matched_keywords", .text).notNull()
                t.column("sequence", .integer).notNull()
                t.column("created_at", .datetime).notNull()
                t.uniqueKey(["task_id", "agent"])
            }
            try db.create(table: "tool_calls") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("task_id", .text).references("tasks", onDelete: .cascade).indexed()
                t.column("agent", .text).notNull()
                t.column("tool", .text).notNull()
                t.column("arguments", .text).notNull()
                t.column("success", .boolean).notNull()
                t.column("result_summary", .text).notNull()
                t.column("error", .text)
                t.column("duration_ms", .double).notNull().check { $0 >= 0 }
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("type", .text).notNull()
                t.column("agent", .text)
                t.column("task_id", .text).indexed()
                t.column("data", .text).notNull()
                t.column("importance", .double).notNull().check { $0 >= 0 && $0 <= 1 }
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "predictions") { t in
                t.primaryKey("task_id", .text).references("tasks", onDelete: .cascade)
                t.column("predicted_winner", .text)
                t.column("success_probability", .double).notNull().check { $0 >= 0 && $0 <= 1 }
                t.column("bid_low", .integer).notNull()
                t.column("bid_high", .integer).notNull()
                t.column("basis", .text).notNull()
                t.column("actual_winner", .text)
                t.column("actual_success", .boolean)
                t.column("actual_bid", .integer)
                t.column("score", .double)
                t.column("created_at", .datetime).notNull()
                t.column("scored_at", .datetime)
            }
            try db.create(table: "ledger_entries") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("agent", .text).notNull()
                t.column("task_id", .text).references("tasks", onDelete: .restrict)
                t.column("sats", .integer).notNull()
                t.column("memo", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
                    CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
                    """)
            try db.create(table: "memories") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("content", .text).notNull()
                t.column("evidence_count", .integer).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.uniqueKey(["kind", "subject"])
            }
        }
        migrator.registerMigration("v2-creative") { db in
            try db.create(table: "jobs") { t in
                t.primaryKey("id", .text)
                t.column("tool", .text).notNull().indexed()
                t.column("persona", .text).notNull()
                t.column("arguments", .text).notNull()
                t.column("backend", .text).notNull()
                t.column("status", .text).notNull().indexed()
                    .check { ["queued", "running", "done", "failed", "cancelled", "interrupted"].contains($0) }
                t.column("progress", .double).notNull().defaults(to: 0).check { $0 >= 0 && $0 <= 1 }
                t.column("message", .text).notNull().defaults(to: "")
                t.column("result", .text)
                t.column("error", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("task_id", .text).references("tasks", onDelete: .setNull).indexed()
                t.column("created_at", .datetime).notNull().indexed()
                t.column("started_at", .datetime)
                t.column("finished_at", .datetime)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "assets") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull().indexed().check { ["image", "audio", "video"].contains($0) }
                t.column("path", .text).notNull().unique()
                t.column("sidecar_path", .text).notNull()
                t.column("tool", .text).notNull()
                t.column("backend", .text).notNull()
                t.column("model", .text).notNull()
                t.column("prompt", .text).notNull()
                t.column("params", .text).notNull()
                t.column("seed", .integer)
                t.column("width", .integer)
                t.column("height", .integer)
                t.column("duration", .double)
                t.column("source_asset_id", .text)
                t.column("job_id", .text).references("jobs", onDelete: .setNull).indexed()
                t.column("task_id", .text).references("tasks", onDelete: .setNull).indexed()
                t.column("tool_call_id", .integer).references("tool_calls", onDelete: .setNull)
                t.column("created_at", .datetime).notNull().indexed()
            }
        }
        migrator.registerMigration("v3-call-results") { db in
            // What a call returned, for Spark's readers of a family's calls (never its summary text).
            try db.alter(table: "tool_calls") { t in t.add(column: "result_data", .text) }
        }
        migrator.registerMigration("v4-llm") { db in
            // Every call of a language model, whatever it served: a task's plan, a chat turn, a script.
            try db.create(table: "model_calls") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("task_id", .text).references("tasks", onDelete: .cascade).indexed()
                t.column("conversation_id", .text)
                t.column("purpose", .text).notNull().check { ["plan", "chat", "script"].contains($0) }
                t.column("provider", .text).notNull()
                t.column("model", .text).notNull()
                t.column("step", .integer).notNull().check { $0 >= 1 }
                t.column("success", .boolean).notNull()
                t.column("error", .text)
                t.column("done_reason", .text)
                t.column("prompt_tokens", .integer).check { $0 >= 0 }
                t.column("completion_tokens", .integer).check { $0 >= 0 }
                t.column("duration_ms", .double).notNull().check { $0 >= 0 }
                t.column("tool_calls", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "chat_messages") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation_id", .text).notNull().indexed()
                t.column("role", .text).notNull().check { ["user", "assistant"].contains($0) }
                t.column("content", .text).notNull()
                t.column("task_id", .text).references("tasks", onDelete: .setNull)
                t.column("created_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v5-creative-projects") { db in
            // A Creative Director project and its steps: what each step was given and made (asset ids
            // and SHA-256 of the files), so a crash resumes where it stopped and one scene is re-made alone.
            try db.create(table: "projects") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull().check { length($0) > 0 }
                t.column("prompt", .text).notNull().check { length($0) > 0 }
                t.column("duration", .double).notNull().check { $0 >= 30 && $0 <= 900 }
                t.column("genre", .text).notNull()
                t.column("style", .text).notNull()
                t.column("resolution", .text).notNull()
                t.column("backend", .text).notNull().check { ["auto", "sketch", "worker"].contains($0) }
                t.column("pause_after", .text).check { ["script", "storyboard"].contains($0) }
                t.column("status", .text).notNull().indexed()
                    .check { ["running", "awaiting_approval", "completed", "failed", "interrupted"].contains($0) }
                t.column("script", .text).notNull()
                t.column("script_source", .text).notNull().check { ["template", "llm", "file"].contains($0) }
                t.column("script_note", .text)
                t.column("approved", .boolean).notNull().defaults(to: false)
                t.column("seed", .integer).notNull()
                t.column("scene_seeds", .text).notNull().defaults(to: "{}")
                t.column("task_id", .text).references("tasks", onDelete: .setNull)
                t.column("error", .text)
                t.column("created_at", .datetime).notNull().indexed()
                t.column("updated_at", .datetime).notNull()
                t.column("finished_at", .datetime)
            }
            try db.create(table: "project_steps") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("project_id", .text).notNull().references("projects", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull().check { ["script", "storyboard", "music", "clips", "assembly"].contains($0) }
                t.column("scene", .integer).check { $0 >= 1 }
                t.column("ordinal", .integer).notNull().check { $0 >= 1 }
                t.column("status", .text).notNull().check { ["pending", "running", "done", "failed", "interrupted"].contains($0) }
                t.column("persona", .text).notNull()
                t.column("backend", .text).notNull()
                t.column("inputs", .text).notNull()
                t.column("outputs", .text).notNull()
                t.column("job_ids", .text).notNull()
                t.column("error", .text)
                t.column("started_at", .datetime)
                t.column("finished_at", .datetime)
                t.column("updated_at", .datetime).notNull()
                t.uniqueKey(["project_id", "kind", "ordinal"])
            }
        }
        return migrator
    }
}
