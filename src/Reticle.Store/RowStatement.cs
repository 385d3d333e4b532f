using System.Data.Common;

namespace Reticle.Store;

/// <summary>
/// One SQL statement run for many rows in a transaction, its parameters bound by position. Dapper builds a new
/// command per call, so SQLite parses and plans the SQL again for every row; a batch of determinations (two
/// rows each) spent a fifth of its time there. Both providers keep a command's prepared statement while its
/// text is unchanged.
/// </summary>
internal sealed class RowStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    /// <param name="names">The statement's parameters, named without their prefix (<c>Sequence</c> for <c>@Sequence</c>).</param>
    public RowStatement(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = names[i];
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    /// <summary>Runs the statement for one row: <paramref name="values"/> in the order the names were given; null is SQL NULL.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken, params ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"{_parameters.Length} values expected, {values.Length} given", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
