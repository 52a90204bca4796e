using Syndicator.Core.Application;

namespace Syndicator.Host.Api;

/// <summary>How the API answers an application refusal: a problem whose status is the refusal's kind, naming each field.</summary>
internal static class RefusalProblems
{
    public static IResult ToProblem(this Refusal refusal)
    {
        var result = Problems.Result((int)refusal.Kind, refusal.Title, refusal.Detail, refusal.Errors);
        return refusal.Kind == RefusalKind.Busy ? new RetryLater(result) : result;
    }

    /// <summary>A busy answer tells the sender when to come back.</summary>
    private sealed class RetryLater(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "5";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
