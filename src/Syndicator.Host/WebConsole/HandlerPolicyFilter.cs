using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// Enforces <see cref="HandlerPolicyAttribute"/> on every page handler that is not a GET: the handler runs only when
/// the signed-in user meets its policy. A non-GET handler without the attribute is refused, so a forgotten attribute
/// fails closed. Page-level policies (which Razor Pages applies to every handler alike) still run first.
/// </summary>
internal sealed class HandlerPolicyFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await next();
            return;
        }

        var policy = context.HandlerMethod?.MethodInfo.GetCustomAttribute<HandlerPolicyAttribute>()?.Policy;
        var allowed = policy is not null
            && (policy.Length == 0 || (await authorization.AuthorizeAsync(context.HttpContext.User, policy)).Succeeded);
        if (!allowed)
        {
            await context.HttpContext.ForbidAsync(ConsoleAuth.Scheme);
            context.Result = new Microsoft.AspNetCore.Mvc.EmptyResult();
            return;
        }

        await next();
    }
}
