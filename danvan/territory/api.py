from ninja import Router

router = Router(tags=["Địa bàn"])
