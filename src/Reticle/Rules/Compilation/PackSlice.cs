namespace Reticle.Rules.Compilation;

/// <summary>
/// The requirement rules of one pack that are in force throughout one stretch of dates, in the pack's order.
/// Deciding looks only at these instead of testing every version's period (entries: <see cref="ControlIndex"/>).
/// </summary>
internal sealed record PackSlice(CompiledRequirement[] Requirements);
