using Reticle.Impact;

namespace Reticle.Service;

/// <summary>What a what-if run found once its last change was taken, and the audit record that seals it.</summary>
internal sealed record WhatIfEnd(ImpactSummary Summary, ImpactTotals Totals, long AuditRecord);
