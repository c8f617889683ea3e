from ninja import Router

router = Router(tags=["Dân vận khéo"])
