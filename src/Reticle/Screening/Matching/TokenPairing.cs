namespace Reticle.Screening.Matching;

/// <summary>
/// Tokens of the query aligned with tokens of a listed name. Usually one each; a run of tokens on one side may
/// align with one token on the other ("jan daniel" with "jandaniel", "al qaeda" with "alqaeda").
/// </summary>
public sealed record TokenPairing(string Query, string Candidate, double Similarity, TokenAgreement Agreement, double Weight)
{
    public override string ToString()
    {
        var how = Agreement switch
        {
            TokenAgreement.Exact => "same word",
            TokenAgreement.Spelling => "spelling variant",
            TokenAgreement.Sound => "sounds alike",
            TokenAgreement.Consonants => "same consonants (transliteration)",
            TokenAgreement.Initial => "initial",
            _ => "",
        };
        return $"'{Query}' ~ '{Candidate}': {how} {Similarity:0.00}, weight {Weight:0.00}";
    }
}
