namespace ReSim.Testing.Sdk;

/// <summary>Marks an exception as a failed assertion rather than an error in the test.</summary>
/// <remarks>
/// xUnit recognises this marker by its name alone (its <c>ExceptionUtility.GetFailureCause</c> looks for an
/// interface named <c>IAssertionException</c>), so a failed experience is reported as a test failure, not a crash.
/// </remarks>
internal interface IAssertionException;
