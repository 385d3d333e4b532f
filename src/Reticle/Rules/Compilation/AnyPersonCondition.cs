namespace Reticle.Rules.Compilation;

/// <summary>
/// <c>anyPerson(condition)</c>: the condition holds for at least one person of <c>personnel[]</c>, tested
/// with that person's facts (<c>person.usPerson</c>, <c>person.employer.headquarters</c>, …). The EAR
/// attaches §744.6 to each person's own status and employer, so "some US person is on the job" and
/// "that person's employer is allied" must be asked of the same person. No personnel given is unknown:
/// who does the work has not been said.
/// </summary>
internal sealed class AnyPersonCondition(Condition inner) : Condition
{
    public override Truth Evaluate(Facts facts)
    {
        var people = facts.Transaction.Personnel;
        if (people.IsDefaultOrEmpty)
        {
            return Truth.Unknown;
        }
        var result = Truth.False;
        for (var i = 0; i < people.Length; i++)
        {
            facts.CurrentPerson = people[i];
            facts.CurrentPersonIndex = i;
            var truth = inner.Evaluate(facts);
            if (truth == Truth.True)
            {
                result = Truth.True;
                break;
            }
            if (truth == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }
        facts.CurrentPerson = null;
        return result;
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        var people = facts.Transaction.Personnel;
        if (people.IsDefaultOrEmpty)
        {
            explanation.AddMissing("personnel");
            explanation.Add("no personnel given (personnel)");
            return;
        }
        var result = Evaluate(facts);
        for (var i = 0; i < people.Length; i++)
        {
            facts.CurrentPerson = people[i];
            facts.CurrentPersonIndex = i;
            var truth = inner.Evaluate(facts);
            // A true test is explained by the person it held for; otherwise by why it failed or was open for each.
            if (result == Truth.True && truth != Truth.True)
            {
                continue;
            }
            var nested = facts.RentExplanation();
            inner.Explain(facts, nested);
            explanation.Add($"person '{Name(people[i], i)}': {nested.BecauseText}");
            if (nested.HasMissing)
            {
                explanation.AddMissing(nested);
            }
            facts.Return(nested);
            if (result == Truth.True)
            {
                break;
            }
        }
        facts.CurrentPerson = null;
    }

    private static string Name(Model.Person person, int index) => person.Name.Length > 0 ? person.Name : $"personnel[{index}]";
}
