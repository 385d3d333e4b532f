using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>
/// API keys: created and revoked with their audit records (name and role, and a seal of the key's hash; never the key
/// or the hash itself), found by hash.
/// </summary>
public abstract partial class SqlStore
{
    private const string SelectApiKey =
        """
        SELECT name AS Name, role AS Role, sha256 AS Sha256, created_at AS CreatedAt, revoked_at AS RevokedAt,
               last_used_at AS LastUsedAt, audit_sequence AS AuditSequence, revoke_audit_sequence AS RevokeAuditSequence
        FROM api_keys
        """;

    // Last use is kept to the minute: a busy key must not cost a write per request.
    private static readonly Duration LastUsedResolution = Duration.FromMinutes(1);

    public async Task<ApiKeyDocument> AddApiKeyAsync(ApiKeyDocument key, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry(at, actor, AuditPayloads.ApiKeyCreated, new JsonObject
        {
            ["name"] = key.Name,
            ["role"] = key.Role,
            ["keySeal"] = ApiKeySeal.Of(key.Sha256),
        });
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

    public Task<AuditRecord> RevokeApiKeyAsync(string name, string actor, Instant at, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
                $"{SelectApiKey} WHERE name = @Name", new { Name = name }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                throw new ApiKeyRejectedException($"no API key named '{name}'", unknown: true);
            }
            if (row.RevokedAt is not null)
            {
                throw new ApiKeyRejectedException($"API key '{name}' is already revoked", unknown: false);
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous,
                new AuditEntry(at, actor, AuditPayloads.ApiKeyRevoked, new JsonObject { ["name"] = name }), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET revoked_at = @At, revoke_audit_sequence = @Sequence WHERE name = @Name",
                new { At = ToColumn(record.At), record.Sequence, Name = name }, transaction, cancellationToken: cancellationToken));
            return record;
        }, cancellationToken);

    public async Task<IReadOnlyList<ApiKeyDocument>> GetApiKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition($"{SelectApiKey} ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(ToApiKey).ToList();
    }

    public async Task<ApiKeyDocument?> FindApiKeyAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"{SelectApiKey} WHERE sha256 = @Sha256", new { Sha256 = sha256 }, cancellationToken: cancellationToken));
        return row is null ? null : ToApiKey(row);
    }

    public async Task MarkApiKeyUsedAsync(string sha256, Instant at, CancellationToken cancellationToken = default)
    {
        // Not an audited write (nothing is decided by it) and not under the write lock: a plain conditional update
        // that at most once a minute moves the time forward.
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = @At WHERE sha256 = @Sha256 AND (last_used_at IS NULL OR last_used_at < @Before)",
            new { At = ToColumn(at), Before = ToColumn(at - LastUsedResolution), Sha256 = sha256 }, cancellationToken: cancellationToken));
    }

    private ApiKeyDocument ToApiKey(ApiKeyRow row) => new(row.Name, row.Role, row.Sha256, ToInstant(row.CreatedAt))
    {
        RevokedAt = row.RevokedAt is { } revoked ? ToInstant(revoked) : null,
        LastUsedAt = row.LastUsedAt is { } used ? ToInstant(used) : null,
    };

    private sealed class ApiKeyRow
    {
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public object CreatedAt { get; set; } = null!;
        public object? RevokedAt { get; set; }
        public object? LastUsedAt { get; set; }
        public long AuditSequence { get; set; }
        public long? RevokeAuditSequence { get; set; }
    }
}
