using System.CommandLine;
using System.Text.Json.Nodes;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Determination;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Store;
using Reticle.Time;
using Spectre.Console;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle orders</c> (list), <c>orders add FILE</c> (transactions with planned dates) and
/// <c>orders ship ID</c> (an extension: decide on the planned date; if allowed, draw the covering
/// licence line and mark the order shipped, atomically).
/// </summary>
internal static class OrdersCommand
{
    /// <summary>How often a shipment is decided again when a parallel one drew its licence line first.</summary>
    private const int ShipAttempts = 3;

    private static readonly Argument<string> File = new("file") { Description = "Transactions (CONTRACT §2) whose date is the planned date: a JSON object, array or JSON Lines" };
    private static readonly Argument<string> Id = new("id") { Description = "The order (transaction) id" };
    private static readonly Option<string?> Status = new("--status") { Description = "Only orders with this status: open, shipped, cancelled" };

    public static Command Create(CliEnvironment env)
    {
        var add = new Command("add", "Record open orders, planned shipments or service contracts; any error records none") { File };
        add.SetAction((parse, cancellationToken) => AddAsync(parse, env, cancellationToken));
        var ship = new Command("ship", "Decide an open order on its planned date; if permitted or licensed, draw the licence and mark it shipped") { Id };
        ship.SetAction((parse, cancellationToken) => ShipAsync(parse, env, cancellationToken));
        var orders = new Command("orders", "The orders on record with their status and latest outcome") { add, ship, Status };
        orders.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return orders;
    }

    private static async Task<int> AddAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(File)!;
        var text = file == "-" ? await env.In().ReadToEndAsync(cancellationToken) : await CheckCommand.ReadFileAsync(file, cancellationToken);
        var name = file == "-" ? "<stdin>" : file;
        var errors = new List<InputError>();
        var transactions = TransactionReader.Read(name, text, errors).Transactions;
        Reject(errors);

        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var held = (await workspace.Store.GetOrdersAsync(null, cancellationToken)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(transactions.Where(t => held.Contains(t.Id)).Select(t => new InputError(name, $"order '{t.Id}' is already recorded")));
        Reject(errors);
        var audit = await workspace.Store.AddOrdersAsync([.. transactions.Select(t => new OrderDocument(t.Id, t.Date, t.SourceJson ?? "{}"))],
            env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(new JsonArray([.. transactions.Zip(audit, (t, a) => (JsonNode?)new JsonObject
            {
                ["id"] = t.Id, ["date"] = EffectivePeriod.Format(t.Date), ["status"] = "open", ["auditSequence"] = a.Sequence,
            })]).ToJsonString(JsonOutput.Options));
        }
        else
        {
            env.Out.WriteLine($"recorded {transactions.Count} order{(transactions.Count == 1 ? "" : "s")} (audit records {audit[0].Sequence}..{audit[^1].Sequence})");
        }
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        OrderStatus? status = null;
        if (parse.GetValue(Status) is { } wanted)
        {
            try
            {
                status = OrderStatusNames.Parse(wanted);
            }
            catch (FormatException)
            {
                throw new UsageException($"--status: unknown status '{wanted}' (open, shipped, cancelled)");
            }
        }
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var orders = await workspace.Store.GetOrdersAsync(status, cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(new JsonArray([.. orders.Select(o => (JsonNode?)new JsonObject
            {
                ["id"] = o.Id,
                ["date"] = EffectivePeriod.Format(o.PlannedDate),
                ["status"] = o.Status.ToWire(),
                ["latestOutcome"] = o.LatestOutcome,
            })]).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("id", "date", "status", "latest outcome");
        foreach (var o in orders)
        {
            table.AddRow(Markup.Escape(o.Id), EffectivePeriod.Format(o.PlannedDate), o.Status.ToWire(), o.LatestOutcome ?? "-");
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }

    private static async Task<int> ShipAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id)!;
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var order = (await workspace.Store.GetOrdersAsync(null, cancellationToken)).SingleOrDefault(o => o.Id == id)
            ?? throw new InputRejectedException([$"order '{id}': no such order on record"]);
        if (order.Status != OrderStatus.Open)
        {
            throw new InputRejectedException([$"order '{id}' is {order.Status.ToWire()}, not open"]);
        }
        var transaction = ReadOrder(order);
        var decider = await Decider.LoadAsync(workspace, null, null, cancellationToken);
        var release = (await workspace.Store.GetHoldsAsync(id, cancellationToken)).LastOrDefault(h => h.Status == "released");
        for (var attempt = 1; ; attempt++)
        {
            var determination = decider.Decide(transaction, order.PlannedDate);
            var allowed = determination.Outcome is Outcome.Permitted or Outcome.NotApplicable or Outcome.Licensed;
            // A reviewer's release lets a stopped order go only while what it relied on still stands.
            var fingerprint = KnowledgeFingerprint.Of(determination.RuleSetHash, decider.ListVersions, decider.Licenses.Events.Length);
            var released = !allowed && release is not null && release.Fingerprint == fingerprint ? release : null;
            var ship = allowed || released is not null;
            var uses = allowed ? Uses(transaction, determination, workspace.Today) : [];
            var hold = ship ? null : new HoldDocument(id, determination.Outcome.ToWire(), HoldReason(determination));
            var result = DeterminationJson.ToJson(determination);
            var record = new DeterminationRecord(id, determination.AsOf, determination.KnownAt, determination.Outcome.ToWire(), determination.RuleSetHash,
                order.InputJson, result.ToJsonString());
            try
            {
                var audit = await workspace.Store.ShipOrderAsync(id, record, uses, ship, hold, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
                var held = ship ? null : (await workspace.Store.GetHoldsAsync(id, cancellationToken)).LastOrDefault(h => h.Status == "held");
                Report(parse, env, determination, result, ship, uses, audit.First(a => a.Kind == "determination").Sequence, released, held);
                return ExitCodes.Success;
            }
            catch (LicenseEventRejectedException) when (attempt < ShipAttempts)
            {
                // Another shipment drew the line between deciding and writing: decide again on the book as it is now.
                decider = decider with { Licenses = await workspace.LoadLicensesAsync(cancellationToken) };
            }
        }
    }

    /// <summary>Why the order is stopped, for the reviewer: each jurisdiction that stops it, and unresolved screening hits.</summary>
    private static string HoldReason(Determination.Determination d) => string.Join("; ",
        d.Jurisdictions.Where(j => j.Outcome is not (Outcome.Permitted or Outcome.NotApplicable or Outcome.Licensed))
            .Select(j => $"{j.Jurisdiction}: {j.Outcome.ToWire()}{(j.LicensesConsidered.IsDefaultOrEmpty ? "" : $" ({string.Join("; ", j.LicensesConsidered)})")}")
            .Concat(d.Screening.Where(h => h.Unresolved).Select(h => $"screening: {h.PartyName} ~ {h.Hit.Entry.Name} ({h.Hit.Entry.List}) unresolved")));

    /// <summary>The licence lines the shipment consumes: each jurisdiction's covering line, for the whole quantity and value.</summary>
    private static LicenseEvent[] Uses(Transaction transaction, Determination.Determination determination, NodaTime.LocalDate today) =>
        [.. determination.Jurisdictions
            .Where(j => j.License is not null)
            .Select(j => new LicenseConsumed(j.License!.LicenseId, j.License.Line, transaction.Quantity, transaction.Value, transaction.Id, determination.AsOf,
                // A shipment on record becomes known when it is recorded, not before its date.
                NodaTime.LocalDate.Max(today, determination.AsOf)))];

    private static void Report(ParseResult parse, CliEnvironment env, Determination.Determination determination, JsonObject result, bool shipped,
        IReadOnlyList<LicenseEvent> uses, long auditSequence, StoredHold? release, StoredHold? held)
    {
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(new JsonObject
            {
                ["order"] = determination.Transaction,
                ["shipped"] = shipped,
                ["outcome"] = determination.Outcome.ToWire(),
                ["consumed"] = new JsonArray([.. uses.Select(u => (JsonNode?)LicenseEventJson.ToJson(u))]),
                ["releasedBy"] = release is null ? null : new JsonObject { ["hold"] = release.Id, ["by"] = release.ReleasedBy, ["reasonCode"] = release.ReasonCode },
                ["hold"] = held?.Id,
                ["determination"] = result,
            }.ToJsonString(JsonOutput.Options));
            return;
        }
        env.Out.WriteLine(shipped
            ? $"{determination.Transaction} shipped on {EffectivePeriod.Format(determination.AsOf)}: {determination.Outcome.ToWire()}{string.Concat(uses.OfType<LicenseConsumed>().Select(u => $"; drew {u.Quantity} from {u.LicenseId} line {u.Line}"))}"
                + (release is null ? "" : $"; under the release of hold {release.Id} by {release.ReleasedBy} ({release.ReasonCode})")
            : $"{determination.Transaction} NOT shipped: {determination.Outcome.ToWire()} on {EffectivePeriod.Format(determination.AsOf)}; the order stays open"
                + (held is null ? "" : $", held (hold {held.Id}) until a reviewer releases it"));
        env.Out.WriteLine();
        DeterminationText.Write(env.Out, determination, auditSequence);
    }

    /// <summary>A stored order's transaction; it was read strictly when added, so failing now is a broken store.</summary>
    internal static Transaction ReadOrder(StoredOrder order)
    {
        var errors = new List<InputError>();
        var read = TransactionReader.Read($"order {order.Id}", order.InputJson, errors).Transactions;
        return errors.Count == 0 && read.Count == 1
            ? read[0]
            : throw new InvalidOperationException($"stored order {order.Id} does not read: {string.Join("; ", errors)}");
    }

    private static async Task<Workspace> OpenAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken) =>
        await Workspace.OpenAsync(StoreOptions.Resolve(parse.GetValue(GlobalOptions.Data), parse.GetValue(GlobalOptions.Postgres), env), env, cancellationToken);

    private static void Reject(List<InputError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputRejectedException([.. errors.Select(e => e.ToString())]);
        }
    }
}
