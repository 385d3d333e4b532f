using System.Text.Json;
using Reticle.Input;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// The body of <c>POST /determinations</c>: one transaction (CONTRACT §2), or <c>{"transactions": [...]}</c>.
/// Read by the same strict reader as <c>reticle check</c>, with paths rooted at <c>body</c>.
/// </summary>
internal static class DeterminationRequest
{
    public const string Root = "body";

    /// <returns>The transactions and whether they came wrapped (the answer is then wrapped too); none if <paramref name="errors"/> is not empty.</returns>
    public static (TransactionInput Input, bool Wrapped) Read(string text, List<InputError> errors)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            // Malformed: the reader below reports the line and column.
        }
        using (document)
        {
            if (document?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("transactions", out var transactions))
            {
                foreach (var other in root.EnumerateObject().Where(p => p.Name != "transactions"))
                {
                    errors.Add(new InputError($"{Root}.{other.Name}", "unknown field (expected only \"transactions\")"));
                }
                if (transactions.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new InputError($"{Root}.transactions", "expected an array of transactions"));
                }
                if (errors.Count > 0)
                {
                    return (TransactionInput.None, true);
                }
                return (TransactionReader.Read($"{Root}.transactions", transactions.GetRawText(), errors), true);
            }
        }
        return (TransactionReader.Read(Root, text, errors), false);
    }
}
