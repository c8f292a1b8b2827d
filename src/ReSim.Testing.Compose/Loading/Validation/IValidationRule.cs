namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>One ReSim rule checked across the services of a normalized file.</summary>
internal interface IValidationRule
{
    void Check(ValidationContext context);
}
