using System.Text.Json.Nodes;
using NodaTime.Text;
using Reticle.Store;

namespace Reticle.Service.Wire;

/// <summary>A job as <c>reticle jobs show --json</c> and <c>/api/v1/jobs/{id}</c> answer it (CONTRACT §8).</summary>
internal static class JobJson
{
    public static JsonObject Of(StoredJob job) => new()
    {
        ["id"] = job.Id,
        ["kind"] = job.Kind,
        ["status"] = job.Status,
        ["total"] = job.Total,
        ["done"] = job.Done,
        ["failed"] = job.Failed,
        ["submittedAt"] = InstantPattern.General.Format(job.SubmittedAt),
        ["completedAt"] = job.CompletedAt is { } completed ? InstantPattern.General.Format(completed) : null,
        ["resultDigest"] = job.ResultDigest,
        // The sequence of the audit record that seals the job (GET /api/v1/audit, reticle audit verify).
        ["auditRecord"] = job.AuditSequence,
    };

    public static JsonArray Of(IEnumerable<StoredJob> jobs) => new([.. jobs.Select(j => (JsonNode?)Of(j))]);
}
