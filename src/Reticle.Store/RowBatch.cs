using System.Data.Common;

namespace Reticle.Store;

/// <summary>
/// Rows written in one transaction, the way each provider does it fastest. A provider that can batch (Npgsql) sends
/// every row in one round trip at <see cref="FlushAsync"/>: a determination is two rows, and a round trip per row
/// made PostgreSQL's writer wait on the network for most of a batch. SQLite runs in process, so each row runs at
/// once through a <see cref="RowStatement"/> prepared once per statement. Either way nothing is committed before
/// the caller commits the transaction, and a failed row fails the write.
/// </summary>
internal sealed class RowBatch : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DbBatch? _batch;
    private readonly Dictionary<string, RowStatement> _statements = new(StringComparer.Ordinal);
    private readonly List<(int Command, Action<int> Affected)> _watched = [];

    public RowBatch(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        if (connection.CanCreateBatch)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }
    }

    /// <summary>Adds one row: <paramref name="values"/> for the parameters <paramref name="names"/> (without prefix), in order; null is SQL NULL.</summary>
    /// <param name="affected">Told how many rows the statement changed, once it ran (at once, or at the next flush).</param>
    public async Task AddAsync(string sql, string[] names, object?[] values, CancellationToken cancellationToken, Action<int>? affected = null)
    {
        if (values.Length != names.Length)
        {
            throw new ArgumentException($"{names.Length} values expected, {values.Length} given", nameof(values));
        }
        if (_batch is null)
        {
            if (!_statements.TryGetValue(sql, out var statement))
            {
                _statements[sql] = statement = new RowStatement(_connection, _transaction, sql, names);
            }
            var changed = await statement.ExecuteAsync(cancellationToken, values);
            affected?.Invoke(changed);
            return;
        }
        var command = _batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        if (affected is not null)
        {
            _watched.Add((_batch.BatchCommands.Count, affected));
        }
        _batch.BatchCommands.Add(command);
    }

    /// <summary>Rows added and not yet sent (always 0 for a provider that runs each row at once).</summary>
    public int Pending => _batch?.BatchCommands.Count ?? 0;

    /// <summary>Sends the rows added since the last flush, if the provider batches them.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is { BatchCommands.Count: > 0 })
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken);
            foreach (var (command, affected) in _watched)
            {
                affected(_batch.BatchCommands[command].RecordsAffected);
            }
            _watched.Clear();
            _batch.BatchCommands.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            await statement.DisposeAsync();
        }
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }
    }
}
