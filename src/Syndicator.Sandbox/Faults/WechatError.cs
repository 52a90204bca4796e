namespace Syndicator.Sandbox.Faults;

/// <summary>The WeChat-style error body of an injected <c>wechatErrcode</c> fault.</summary>
internal sealed record WechatError(int Errcode, string Errmsg)
{
    public static WechatError For(int errcode) => new(errcode, errcode switch
    {
        -1 => "system error",
        40001 => "invalid credential, access_token is invalid or not latest",
        40014 => "invalid access_token",
        42001 => "access_token expired",
        45009 => "reach max api daily quota limit",
        45011 => "api minute-quota reach limit, must slower, retry next minute",
        _ => $"sandbox injected error {errcode}",
    });
}
