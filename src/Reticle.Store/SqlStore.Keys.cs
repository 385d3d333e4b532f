using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>API keys: created with their audit record (name and role; never the key or its hash), found by hash.</summary>
public abstract partial class SqlStore
{
    private const string ApiKeyCreated = "api-key.created";

    public async Task<ApiKeyDocument> AddApiKeyAsync(ApiKeyDocument key, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry(at, actor, ApiKeyCreated, new JsonObject { ["name"] = key.Name, ["role"] = key.Role });
        return await WriteAsync(async (connection, transaction) =>
        {
            var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM api_keys WHERE name = @Name OR sha256 = @Sha256", new { key.Name, key.Sha256 },
                transaction, cancellationToken: cancellationToken));
            if (held > 0)
            {
                throw new DuplicateApiKeyException(key.Name);
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous, entry, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO api_keys (name, role, sha256, created_at, audit_sequence)
                VALUES (@Name, @Role, @Sha256, @CreatedAt, @AuditSequence)
                """,
                new { key.Name, key.Role, key.Sha256, CreatedAt = ToColumn(record.At), AuditSequence = record.Sequence },
                transaction, cancellationToken: cancellationToken));
            return key with { CreatedAt = record.At };
        }, cancellationToken);
    }

    public async Task<ApiKeyDocument?> FindApiKeyAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            "SELECT name AS Name, role AS Role, sha256 AS Sha256, created_at AS CreatedAt FROM api_keys WHERE sha256 = @Sha256",
            new { Sha256 = sha256 }, cancellationToken: cancellationToken));
        return row is null ? null : new ApiKeyDocument(row.Name, row.Role, row.Sha256, ToInstant(row.CreatedAt));
    }

    private sealed class ApiKeyRow
    {
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public object CreatedAt { get; set; } = null!;
    }
}
