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
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle orders</c> (list), <c>orders add FILE</c> (transactions with planned dates) and
/// <c>orders ship ID</c> (an extension: decide on the planned date; if allowed, draw the covering
/// licence line and mark the order shipped, atomically).
/// </summary>
internal static class OrdersCommand
{
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
        var json = parse.GetValue(GlobalOptions.Json);
        if (file == "-")
        {
            var text = await env.In().ReadToEndAsync(cancellationToken);
            await using var workspace = await OpenAsync(parse, env, cancellationToken);
            var added = (await OrderRecording.AddAsync(workspace, "<stdin>", text, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken)).OrRefuse();
            if (json)
            {
                env.Out.WriteLine(OrdersJson.Added(added).ToJsonString(JsonOutput.Options));
            }
            else
            {
                env.Out.WriteLine($"recorded {added.Count} order{(added.Count == 1 ? "" : "s")} (audit records {added[0].Audit.Sequence}..{added[^1].Audit.Sequence})");
            }
            return ExitCodes.Success;
        }

        // A file is read as it is written to the store, and the answer is read back from the store: a book of any size is
        // recorded without holding it (a book of 100,000 orders took 1.3 GB when read whole).
        await using var input = OpenInput(file);
        await using (var workspace = await OpenAsync(parse, env, cancellationToken))
        {
            var added = (await OrderRecording.AddAsync(workspace, file, input, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken)).OrRefuse();
            if (!json)
            {
                env.Out.WriteLine($"recorded {added.Count} order{(added.Count == 1 ? "" : "s")} (audit records {added.FirstSequence}..{added.LastSequence})");
                return ExitCodes.Success;
            }
            await JsonArrayStream.WriteAsync(env.Out, workspace.Store.ReadOrdersAddedAsync(added.FirstSequence, added.LastSequence, cancellationToken), OrdersJson.AddedItem, JsonOutput.Options, cancellationToken);
        }
        return ExitCodes.Success;
    }

    private static FileStream OpenInput(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw RefusedException.Invalid(file, $"cannot read the file ({e.Message})");
        }
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
        var orders = workspace.Store.ReadOrdersAsync(status, cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            // Written as read: the list is never held whole.
            await JsonArrayStream.WriteAsync(env.Out, orders, OrdersJson.ListItem, JsonOutput.Options, cancellationToken);
            return ExitCodes.Success;
        }
        // Read twice (the columns are measured, then drawn a page at a time), never held whole: the table is as Spectre draws it.
        await StreamedTable.WriteAsync(env, ["id", "date", "status", "latest outcome"], () => workspace.Store.ReadOrdersAsync(status, cancellationToken),
            o => [o.Id, EffectivePeriod.Format(o.PlannedDate), o.Status.ToWire(), o.LatestOutcome ?? "-"], cancellationToken);
        return ExitCodes.Success;
    }

    private static async Task<int> ShipAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var basis = await workspace.LoadBasisAsync(null, cancellationToken);
        var id = parse.GetValue(Id)!;
        var shipment = (await OrderShipping.ShipAsync(workspace, basis, id, $"order '{id}'", env.Actor, env.Clock.GetCurrentInstant(), cancellationToken)).OrRefuse();
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(OrdersJson.Shipment(shipment).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var (determination, release, held) = (shipment.Determination, shipment.ReleasedUnder, shipment.Held);
        env.Out.WriteLine(shipment.Shipped
            ? $"{determination.Transaction} shipped on {EffectivePeriod.Format(determination.AsOf)}: {determination.Outcome.ToWire()}{string.Concat(shipment.Uses.OfType<LicenseConsumed>().Select(u => $"; drew {u.Quantity} from {u.LicenseId} line {u.Line}"))}"
                + (release is null ? "" : $"; under the release of hold {release.Id} by {release.ReleasedBy} ({release.ReasonCode})")
            : $"{determination.Transaction} NOT shipped: {determination.Outcome.ToWire()} on {EffectivePeriod.Format(determination.AsOf)}; the order stays open"
                + (held is null ? "" : $", held (hold {held.Id}) until a reviewer releases it"));
        env.Out.WriteLine();
        DeterminationText.Write(env.Out, determination, shipment.AuditSequence);
        return ExitCodes.Success;
    }

    private static async Task<Workspace> OpenAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken) =>
        await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
}
