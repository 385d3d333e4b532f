using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>GET /api/v1/owners?name=&amp;country=&amp;date=</c>: a party's ownership picture (owners, stakes, paths to listed parties),
/// as <c>reticle owners show --json</c>; <c>GET /api/v1/owners/snapshots</c>: the ownership snapshots held.
/// </summary>
internal static class OwnersApi
{
    public static RouteGroupBuilder MapOwners(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/owners").WithTags("Ownership");
        group.MapGet("/", GetAsync)
            .WithName("GetOwnership")
            .WithSummary("A party's owners, stakes and paths to listed parties on a date (name, country, date: default today)")
            .ReadByViewers<Schemas.OwnershipPicture>()
            .RefusesBadInput();
        group.MapGet("/snapshots", SnapshotsAsync)
            .WithName("GetOwnershipSnapshots")
            .WithSummary("The ownership snapshots held, in import order")
            .ReadByViewers<IReadOnlyList<Schemas.OwnershipSnapshot>>();
        return api;
    }

    private static async Task<IResult> GetAsync(ApiState state, string? name, string? country, string? date, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 1000)
        {
            errors.Add(new InputError("name", "give the party's name (1 to 1,000 characters)"));
        }
        if (country is not null && !Model.CountryCode.TryParse(country, out _))
        {
            errors.Add(new InputError("country", $"'{country}' is not an ISO 3166-1 alpha-2 country code"));
        }
        NodaTime.LocalDate? day = null;
        if (date is not null && (day = InputDate.Parse(date, out var error)) is null)
        {
            errors.Add(new InputError("date", error!));
        }
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var screening = await state.CurrentScreeningAsync(cancellationToken);
        var ownership = await state.Workspace.LoadOwnershipAsync(null, screening.Lists, cancellationToken);
        var picture = OwnershipPicture.Of(ownership, screening.Lists.Versions, name!.Trim(), country?.ToUpperInvariant(), day ?? state.Workspace.Today);
        return ApiJson.Ok(OwnersJson.Picture(picture));
    }

    private static async Task<IResult> SnapshotsAsync(ApiState state, CancellationToken cancellationToken) =>
        ApiJson.Ok(OwnersJson.Snapshots(await state.Workspace.Store.GetOwnershipSnapshotsAsync(cancellationToken)));
}
