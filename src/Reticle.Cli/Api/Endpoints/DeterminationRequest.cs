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

    /// <returns>
    /// The transactions and whether they came as a batch (wrapped, an array or JSON Lines; the answer is then
    /// <c>{"determinations": [...]}</c>); none if <paramref name="errors"/> is not empty.
    /// </returns>
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
                // A wrapper given twice ({"transactions": [...], "transactions": [...]}) would otherwise lose the first.
                if (!StrictJson.Check(Root, root, errors))
                {
                    return (TransactionInput.None, true);
                }
                foreach (var other in root.EnumerateObject().Where(p => p.Name != "transactions"))
                {
                    errors.Add(new InputError($"{Root}.{other.Name}", NearestName.UnknownMessage("field", other.Name, ["transactions"])));
                }
                if (transactions.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new InputError($"{Root}.transactions", "expected an array of transactions"));
                }
                if (errors.Count > 0)
                {
                    return (TransactionInput.None, true);
                }
                return (TransactionReader.Read($"{Root}.transactions", transactions, errors), true);
            }
            if (document?.RootElement is { ValueKind: JsonValueKind.Object } single)
            {
                // Read from the document already parsed; anything else (an array, JSON Lines, malformed text) goes to the
                // text reader, which knows those forms and reports where the text breaks.
                return (TransactionReader.Read(Root, single, errors), false);
            }
        }
        // An array or JSON Lines is answered as a batch, like {"transactions": [...]}: every decision stored is answered.
        var input = TransactionReader.Read(Root, text, errors);
        return (input, !input.IsSingleObject);
    }
}
