using System.Runtime.CompilerServices;
using System.Text;
using Reticle.Input;
using Reticle.Screening.Import;

namespace Reticle.Screening.Batch;

/// <summary>
/// Reads a batch screening CSV (the format of <see cref="BatchPartyReader"/>) record by record from a stream, holding one
/// record at a time: a file of tens of millions of rows is never in memory. The first problem ends the read with a
/// <see cref="BatchRejectedException"/> naming its line; a caller that writes rows as they come rolls back. Ids used twice
/// are not found here (that needs every id seen): the caller checks them where the rows land.
/// </summary>
public static class BatchPartyStream
{
    public static async IAsyncEnumerable<BatchParty> ReadAsync(string file, TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BatchColumns? columns = null;
        var errors = new List<InputError>();
        var record = new StringBuilder();
        var line = 0;
        while (true)
        {
            var text = await reader.ReadLineAsync(cancellationToken);
            if (text is null)
            {
                break;
            }
            line++;
            if (line == 1 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }
            var first = line;
            record.Clear().Append(text);
            // A quoted field may hold line breaks: the record goes on while a quote is open (an odd count of quotes so far).
            var quotes = text.AsSpan().Count('"');
            while (quotes % 2 == 1 && await reader.ReadLineAsync(cancellationToken) is { } more)
            {
                line++;
                record.Append('\n').Append(more);
                quotes += more.AsSpan().Count('"');
            }
            if (record.Length == 0)
            {
                continue;
            }
            var parsed = DelimitedText.Parse(file, record.ToString(), ',', errors, first);
            if (parsed is null)
            {
                throw new BatchRejectedException(errors[0]);
            }
            if (parsed is not [var one])
            {
                continue;
            }
            if (columns is null)
            {
                columns = BatchColumns.Of(file, one, errors) ?? throw new BatchRejectedException(errors[0]);
                continue;
            }
            yield return columns.Row(file, one, errors) ?? throw new BatchRejectedException(errors[0]);
        }
        if (columns is null)
        {
            throw new BatchRejectedException(new InputError($"{file}:1", "the file is empty; expected a header row with id,name[,country,type]"));
        }
    }
}
