from ninja import Router

router = Router(tags=["Tài khoản"])
