using Reticle.Service;

namespace Reticle.Cli.Hosting;

/// <summary>Refusals on the command line: every kind is exit code 1 (CONTRACT §1), each problem one line naming where and what.</summary>
internal static class Refusals
{
    /// <summary>The result, or the refusal unwound to <see cref="ReticleCli"/> (nothing was stored).</summary>
    public static T OrRefuse<T>(this Attempt<T> attempt) =>
        attempt.Refusal is { } refusal ? throw new RefusedException(refusal) : attempt.Value!;

    public static async Task<int> WriteAsync(CliEnvironment env, Refusal refusal)
    {
        foreach (var problem in refusal.Problems)
        {
            await env.Error.WriteLineAsync($"reticle: {problem.Where}: {problem.Message}");
        }
        await env.Error.WriteLineAsync("reticle: input rejected; nothing was stored.");
        return ExitCodes.Rejected;
    }
}
