namespace Reticle.Service.Jobs;

/// <summary>The kinds of job Reticle runs; adding one is a class and a line here.</summary>
internal static class JobKinds
{
    public static readonly IReadOnlyList<JobKind> All = [new ScreeningJob(), new ImpactJob(), new RescreeningJob(), new WhatIfJob()];

    public static JobKind Of(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new InvalidOperationException($"no job kind '{name}' (known: {string.Join(", ", All.Select(k => k.Name))})");
}
