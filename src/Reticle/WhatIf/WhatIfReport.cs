using NodaTime;
using Reticle.Impact;

namespace Reticle.WhatIf;

/// <summary>
/// Every open order decided on its own date with the packs in use and with those plus the drafts (CONTRACT §9): the
/// changes in the shape of the impact report (§6), the drafts by id and hash, and totals by jurisdiction, customer, item
/// and month.
/// </summary>
/// <param name="KnownAt">The packs in use as known on this date; null for everything held.</param>
/// <param name="Changes">The impact report: <see cref="ImpactReport.KnownAt"/> and <see cref="ImpactReport.Vs"/> are both the day of the run.</param>
public sealed record WhatIfReport(LocalDate? KnownAt, IReadOnlyList<DraftPack> Drafts, ImpactReport Changes, ImpactTotals Totals, string RuleSetInUse, string RuleSetWithDrafts);
